/** Request limits and strict JSON reading: body size, nesting depth, unknown fields, coercions. */
package com.salestalk.servicekit.limits;
