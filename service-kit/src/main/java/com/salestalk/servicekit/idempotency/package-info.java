/** HTTP Idempotency-Key handling on the shared idempotency table. */
package com.salestalk.servicekit.idempotency;
