/** The OpenAPI document's title, version and security scheme. */
package com.salestalk.validation.openapi;
