/** Valid sample events of every catalog type, for tests, fixtures and the command line. */
package com.salestalk.eventcontracts.samples;
