package org.cabildo.participation;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.cabildo.identity.Mail;
import org.cabildo.identity.Outbox;
import org.cabildo.identity.Residents;
import org.cabildo.platform.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.annotation.PreDestroy;

/**
 * Tells a proposal's author and followers (verified residents, each in their language) that it
 * reached its office or was answered. Mailed by a thread of its own once the change has
 * committed, so that the support that forwards a proposal does not wait on a mail server for
 * its followers; news beyond a bounded backlog is dropped with a warning rather than held in
 * memory without end. A proposal hidden meanwhile is not told about.
 */
@Component
class FollowerMails {

	private static final Logger log = LoggerFactory.getLogger(FollowerMails.class);

	/** How much news may wait for the mailing thread. */
	static final int BACKLOG = 1_000;

	private final ProposalStore store;

	private final Residents residents;

	private final Outbox outbox;

	private final String base;

	private final ThreadPoolExecutor mailing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(BACKLOG), Thread.ofPlatform().name("proposal-mails").daemon().factory());

	FollowerMails(ProposalStore store, Residents residents, Outbox outbox, PlatformSettings platform) {
		this.store = store;
		this.residents = residents;
		this.outbox = outbox;
		this.base = platform.baseUrl();
	}

	@PreDestroy
	void stop() {
		mailing.shutdown();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(ProposalNews news) {
		try {
			mailing.execute(() -> tell(news));
		}
		catch (RejectedExecutionException e) {
			log.warn("News of proposal {} ({}) not mailed: {} pieces of news are waiting already", news.proposal(),
					news.kind(), BACKLOG);
		}
	}

	void tell(ProposalNews news) {
		store.byId(news.proposal()).ifPresent(proposal -> {
			// where the platform's address is not set, the mail names the page's path on the city's portal
			String link = base + "/proposals/" + proposal.id();
			int told = 0;
			for (long person : store.authorAndFollowers(proposal.id())) {
				var account = residents.byPerson(person).filter(Residents.Account::verified);
				if (account.isEmpty()) {
					continue;
				}
				ProposalMails.Draft draft = news.kind() == ProposalNews.Kind.FORWARDED
						? ProposalMails.forwarded(account.get().language(), proposal, link)
						: ProposalMails.answered(account.get().language(), proposal, link);
				try {
					outbox.send(new Mail(account.get().email(), draft.subject(), draft.text()));
					told++;
				}
				catch (RuntimeException e) {
					log.warn("News of proposal {} not mailed to a follower: {}", proposal.id(), e.getMessage());
				}
			}
			log.info("Proposal {} {}: {} residents told", proposal.id(), news.kind().name().toLowerCase(), told);
		});
	}

}
