/** The service's OpenAPI document: title, version and the tenant API key scheme. */
package com.salestalk.metricshandler.openapi;
