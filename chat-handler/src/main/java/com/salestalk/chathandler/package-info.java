/**
 * chat-handler: a tenant's questions about its numbers, understood and answered from its own data.
 */
package com.salestalk.chathandler;
