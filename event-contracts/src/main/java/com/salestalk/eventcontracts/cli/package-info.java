/**
 * The {@code salestalk events} command line: validate event files, print samples, list the catalog.
 */
package com.salestalk.eventcontracts.cli;
