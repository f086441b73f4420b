/** The OpenAPI description of the insights API. */
package com.salestalk.insights.openapi;
