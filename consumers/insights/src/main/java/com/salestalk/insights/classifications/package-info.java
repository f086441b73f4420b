/**
 * Classifications per tenant and UTC day: the {@code classification.performed.v1} handler, its
 * table and the read API.
 */
package com.salestalk.insights.classifications;
