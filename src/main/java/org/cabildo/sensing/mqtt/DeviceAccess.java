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
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;

/**
 * Who may connect to the embedded broker, and publish or subscribe on which topic. For now
 * everyone may do everything; this is where devices will authenticate on CONNECT (user name
 * and password, or a client certificate) and be authorised per topic, e.g. to publish only to
 * the Datastreams of their own Thing. The output methods can go async to ask the database.
 * <p>
 * HiveMQ asks its publish authorizer only about publishes that reach its own processing, and
 * the platform takes every publish on a SensorThings topic itself ({@link ConnectionIntake},
 * {@link PublishIntake}); so whether a client may create Observations on a topic is asked here,
 * in {@link #mayCreate}, on the connection's thread: an answer that needs the database is to
 * come from a cache.
 */
class DeviceAccess implements SimpleAuthenticator, PublishAuthorizer, SubscriptionAuthorizer {

	private static final String USERNAME = "cabildo.username";

	/**
	 * A connected client, as it identified itself on CONNECT.
	 *
	 * @param clientId its MQTT client identifier
	 * @param username the user name it authenticated with, or null if it gave none
	 */
	record Device(String clientId, String username) {
	}

	/** Whether a client may create Observations by publishing on this SensorThings topic. */
	boolean mayCreate(Device device, String topic) {
		return true;
	}

	/** Who a connected client is, as it identified itself on CONNECT ({@link #onConnect}). */
	static Device device(ClientInformation client, ConnectionInformation connection) {
		return new Device(client.getClientId(),
				connection.getConnectionAttributeStore().getAsString(USERNAME).orElse(null));
	}

	@Override
	public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
		// Kept for the connection's life, where the publishes of the client are authorised.
		input.getConnectPacket()
			.getUserName()
			.ifPresent(name -> input.getConnectionInformation().getConnectionAttributeStore().putAsString(USERNAME, name));
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
