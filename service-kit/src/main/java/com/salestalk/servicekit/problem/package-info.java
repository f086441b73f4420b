/** RFC 9457 problem+json responses for every error a SalesTalk service returns. */
package com.salestalk.servicekit.problem;
