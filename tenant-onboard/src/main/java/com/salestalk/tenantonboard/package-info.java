/** The tenant-onboard service: the tenant admin API of SalesTalk. */
package com.salestalk.tenantonboard;
