/**
 * The AWS SDK clients of the kit, configured from Spring Cloud AWS's {@code spring.cloud.aws.*}.
 */
package com.salestalk.eventaws.clients;
