/** metrics-handler: CSV uploads of business metrics, streamed, checked, stored and announced. */
package com.salestalk.metricshandler;
