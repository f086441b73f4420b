/**
 * The operational metrics every SalesTalk app emits: one list that apps, alarms and dashboards
 * share.
 */
package com.salestalk.eventcontracts.metrics;
