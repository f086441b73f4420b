/** The common event envelope every SalesTalk event travels in, and the factory that builds it. */
package com.salestalk.eventcontracts.envelope;
