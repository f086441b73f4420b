/** The data-quality checks of an upload's normalized rows, with their standard definitions. */
package com.salestalk.validation.checks;
