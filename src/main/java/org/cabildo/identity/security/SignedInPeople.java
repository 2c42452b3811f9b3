package org.cabildo.identity.security;

import java.io.IOException;
import java.util.Optional;

import org.cabildo.identity.Caller;
import org.cabildo.identity.People;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A person signed in to the portal's pages with a built-in account is read again from the
 * identity store on every request their session makes, as a personal token's person is on every
 * API request: a role granted or revoked counts from the next request on (a console the role was
 * for answers 403), and a person who is no longer there is signed out (the session ends; a
 * console sends them to the sign-in form). Two indexed reads of a few rows, on requests of people
 * signed in only: anonymous readers have no session and cost nothing here.
 *
 * <p>
 * Someone signed in through the OIDC provider is left as the provider's claims said at sign-in:
 * the identity store holds nothing of theirs to read again.
 */
final class SignedInPeople extends OncePerRequestFilter {

	private final People people;

	private final SecurityContextRepository contexts;

	SignedInPeople(People people, SecurityContextRepository contexts) {
		this.people = people;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getSession(false) != null
				&& SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication signedIn
				&& signedIn.caller().kind() == Caller.Kind.PERSON && signedIn.caller().id() >= 0) {
			Optional<Caller> now = people.caller(signedIn.caller().id());
			if (now.isEmpty()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else if (!now.get().equals(signedIn.caller())) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(new CallerAuthentication(now.get()));
				SecurityContextHolder.setContext(context);
				contexts.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
