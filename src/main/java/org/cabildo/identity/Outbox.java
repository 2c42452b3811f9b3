package org.cabildo.identity;

/** Where the platform's mail goes ({@code cabildo.residents.outbox}). */
public interface Outbox {

	void send(Mail mail);

}
