/** Query parameters several services read the same way, refused with precise 400 problems. */
package com.salestalk.servicekit.query;
