/**
 * Narrative and conversation statistics per tenant and UTC day, tenants by plan: the handlers of
 * the analytics consumer, its table and the read APIs.
 */
package com.salestalk.analytics.statistics;
