/** Creating, reading and listing tenants, and announcing new ones with tenant.provisioned.v1. */
package com.salestalk.tenantonboard.tenants;
