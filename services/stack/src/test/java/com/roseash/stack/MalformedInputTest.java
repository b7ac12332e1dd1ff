package com.roseash.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import com.roseash.contract.ServiceName;
import com.roseash.platform.testing.LogCapture;
import com.roseash.platform.testing.MalformedInput;
import com.roseash.platform.testing.PublicRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No input gives a 500: the platform's {@link MalformedInput} contract against every service the stack starts
 * (the contract's landed services), on its public socket, with its routes read from its own wiring. A new service
 * is covered by being started by the stack; a new route by being registered.
 */
class MalformedInputTest {

    private static LocalStack stack;
    private static LogCapture log;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("rose-ash-malformed");
        stack = LocalStack.start(new StackOptions(0, data, Optional.empty(), Optional.empty(), true));
        log = LogCapture.start();
    }

    @AfterAll
    static void stop() {
        if (log != null) {
            log.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    Stream<DynamicContainer> everyPublicRouteOfEveryLandedServiceRefusesMalformedInput() {
        return ServiceName.landed().stream().map(service -> {
            var routes = PublicRoutes.of(stack.publicGroups(service));
            assertThat(routes).as(service.id() + "'s routes").isNotEmpty();
            return DynamicContainer.dynamicContainer(service.id(),
                    MalformedInput.against(service.id(), stack.service(service).publicPort(), routes, log));
        });
    }
}
