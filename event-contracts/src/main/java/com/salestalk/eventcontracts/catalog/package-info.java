/**
 * The event catalog: which event types exist, who produces and consumes them, and their revisions.
 */
package com.salestalk.eventcontracts.catalog;
