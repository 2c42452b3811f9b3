package org.cabildo.sensing.mqtt;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.publish.PublishService;

/**
 * What the platform adds to the embedded HiveMQ broker: who may connect and do what
 * ({@link DeviceAccess}), taking device publishes as Observations ({@link PublishIntake}, and
 * {@link ConnectionIntake} in each connection) without reading more than it can take
 * ({@link ReadGate}), and knowing what clients subscribe to ({@link SubscriptionTracker}).
 */
class BrokerExtension implements ExtensionMain {

	private final DeviceAccess access;

	private final PublishIntake intake;

	private final SubscriptionTracker tracker;

	private volatile PublishService publishService;

	BrokerExtension(DeviceAccess access, PublishIntake intake, SubscriptionTracker tracker) {
		this.access = access;
		this.intake = intake;
		this.tracker = tracker;
	}

	@Override
	public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
		// Kept: HiveMQ's Services are static, and hold the last broker started in this JVM.
		publishService = Services.publishService();
		Services.securityRegistry().setAuthenticatorProvider(provider -> access);
		Services.securityRegistry().setAuthorizerProvider(provider -> access);
		Services.eventRegistry().setClientLifecycleEventListener(provider -> tracker);
		Services.initializerRegistry().setClientInitializer((initializer, client) -> {
			access.connected(initializer.getClientInformation(), initializer.getConnectionInformation());
			intake.install(initializer.getClientInformation(), initializer.getConnectionInformation());
			client.addPublishInboundInterceptor(intake);
			client.addSubscribeInboundInterceptor(tracker);
			client.addUnsubscribeInboundInterceptor(tracker);
		});
	}

	@Override
	public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
	}

	/** Publishes as the broker itself, to the subscribers of a topic. */
	PublishService publishService() {
		return publishService;
	}

}
