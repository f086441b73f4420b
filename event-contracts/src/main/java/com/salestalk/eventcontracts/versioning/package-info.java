/**
 * The versioning policy: which schema changes a revision may make and how long old versions are
 * supported.
 */
package com.salestalk.eventcontracts.versioning;
