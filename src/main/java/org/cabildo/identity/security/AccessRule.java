package org.cabildo.identity.security;

import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One rule of who may call which routes: the first rule whose matcher takes a request decides.
 * Its name and description are what a 403 says.
 */
record AccessRule(String name, String description, RequestMatcher matcher,
		AuthorizationManager<RequestAuthorizationContext> access) {
}
