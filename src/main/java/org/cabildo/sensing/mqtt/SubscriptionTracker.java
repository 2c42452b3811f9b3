package org.cabildo.sensing.mqtt;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.UnsubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.unsubscribe.parameter.UnsubscribeInboundOutput;

/**
 * Keeps {@link Subscriptions} in step with the embedded broker's sessions: a subscription counts
 * from its SUBSCRIBE until its UNSUBSCRIBE or the end of its session, which is the disconnect
 * for a clean session and, for a persistent one, a later clean start of the same client id.
 */
class SubscriptionTracker
		implements SubscribeInboundInterceptor, UnsubscribeInboundInterceptor, ClientLifecycleEventListener {

	private final Subscriptions subscriptions;

	/** Clients whose session outlives their connection. */
	private final Set<String> persistent = ConcurrentHashMap.newKeySet();

	SubscriptionTracker(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Override
	public void onInboundSubscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
		String client = input.getClientInformation().getClientId();
		input.getSubscribePacket()
			.getSubscriptions()
			.forEach(subscription -> subscriptions.subscribed(client, subscription.getTopicFilter()));
	}

	@Override
	public void onInboundUnsubscribe(UnsubscribeInboundInput input, UnsubscribeInboundOutput output) {
		String client = input.getClientInformation().getClientId();
		input.getUnsubscribePacket().getTopicFilters().forEach(filter -> subscriptions.unsubscribed(client, filter));
	}

	@Override
	public void onMqttConnectionStart(ConnectionStartInput input) {
		String client = input.getClientInformation().getClientId();
		if (input.getConnectPacket().getCleanStart()) {
			subscriptions.sessionEnded(client);
		}
		if (input.getConnectPacket().getSessionExpiryInterval() > 0) {
			persistent.add(client);
		}
		else {
			persistent.remove(client);
		}
	}

	@Override
	public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
	}

	@Override
	public void onDisconnect(DisconnectEventInput input) {
		String client = input.getClientInformation().getClientId();
		if (!persistent.contains(client)) {
			subscriptions.sessionEnded(client);
		}
	}

}
