/** The insights consumer: what the chat's classifications say, per tenant and day. */
package com.salestalk.insights;
