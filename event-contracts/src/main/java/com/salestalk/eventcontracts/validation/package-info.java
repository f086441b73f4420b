/**
 * Validation of events against the envelope schema, the data schema of their type and the size
 * limit.
 */
package com.salestalk.eventcontracts.validation;
