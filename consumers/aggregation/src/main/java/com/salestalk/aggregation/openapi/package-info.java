/** The OpenAPI document's title and security scheme. */
package com.salestalk.aggregation.openapi;
