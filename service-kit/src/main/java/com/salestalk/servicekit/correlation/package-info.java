/** The event flow of a request: correlation id and trace id from headers, or new ones. */
package com.salestalk.servicekit.correlation;
