package com.virtualoffice.registration.adapters.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A seller API route answered by its seller's decision, which refuses a key the seller no longer holds or holds
 * revoked: {@link ApiKeyAuthentication} takes such a request's key from memory rather than looking it up, and any
 * answer the decision does not give looks the key up first ({@link ApiKeyAuthentication#refusalOfUnconfirmed}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface KeyCheckedBySeller {
}
