/** The analytics consumer: narrative quality, conversation statistics and tenants by plan. */
package com.salestalk.analytics;
