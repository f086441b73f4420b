/** The stack outputs ({@code salestalk.aws.*}) mapped to the kit's table and bus properties. */
package com.salestalk.servicekit.stackoutputs;
