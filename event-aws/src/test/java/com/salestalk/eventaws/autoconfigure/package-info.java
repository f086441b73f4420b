/** Tests of the kit's Spring Boot auto-configuration, alone and against the emulator. */
package com.salestalk.eventaws.autoconfigure;
