/** Who may call an endpoint: admin bearer tokens, tenant API keys resolved to a tenant id. */
package com.salestalk.servicekit.auth;
