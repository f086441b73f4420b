/** The OpenAPI description of the service (served at /v3/api-docs). */
package com.salestalk.tenantonboard.openapi;
