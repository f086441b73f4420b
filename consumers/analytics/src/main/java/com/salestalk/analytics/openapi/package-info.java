/** The OpenAPI description of the analytics API. */
package com.salestalk.analytics.openapi;
