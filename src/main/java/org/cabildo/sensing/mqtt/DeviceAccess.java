package org.cabildo.sensing.mqtt;

import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;

/**
 * Who may connect to the embedded broker, and publish or subscribe on which topic. For now
 * everyone may do everything; this is where devices will authenticate on CONNECT (user name
 * and password, or a client certificate) and be authorised per topic, e.g. to publish only to
 * the Datastreams of their own Thing. The output methods can go async to ask the database.
 * <p>
 * HiveMQ asks its publish authorizer only about publishes its interceptors let through, and
 * {@link PublishIntake} takes every publish on a SensorThings topic itself; so whether a client
 * may create Observations on a topic is asked by {@link PublishIntake}, here, in
 * {@link #mayCreate}.
 */
class DeviceAccess implements SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {

	/** Whether a client may create Observations by publishing on this SensorThings topic. */
	boolean mayCreate(String client, String topic) {
		return true;
	}

	@Override
	public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
		output.authenticateSuccessfully();
	}

	@Override
	public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
		output.authorizeSuccessfully();
	}

	@Override
	public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
		output.authorizeSuccessfully();
	}

}
