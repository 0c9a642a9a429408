package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.adapters.logging.LogFields;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.domain.SellerCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Commands are decided on threads of their own (a seller's lane, a conflict retry), where the request's log
 * context is not: this puts the request id, the seller and the command's name on every line logged while a
 * command is handled, and restores the thread's own context afterwards. A batch (group commit) names each of its
 * commands and requests once, comma-separated. At DEBUG it logs one line per command handled.
 */
final class CommandLogContext implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(CommandLogContext.class);

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        Map<String, String> outer = MDC.getCopyOfContextMap();
        fields(message).forEach(MDC::put);
        try {
            long started = System.nanoTime();
            Object result = interceptorChain.proceed();
            log.debug("decided in {} µs", (System.nanoTime() - started) / 1_000);
            return result;
        } finally {
            if (outer == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(outer);
            }
        }
    }

    static Map<String, String> fields(CommandMessage<?> message) {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (message.getPayload()) {
            case SellerCommand command -> {
                fields.put(LogFields.SELLER_ID, command.sellerId().toString());
                fields.put(LogFields.COMMAND, CommandNames.of(command.getClass()));
                if (message.getMetaData().get(Provenance.REQUEST_ID) instanceof String requestId) {
                    fields.put(LogFields.REQUEST_ID, requestId);
                }
            }
            case SellerCommandBatch batch -> {
                fields.put(LogFields.SELLER_ID, batch.sellerId().toString());
                fields.put(LogFields.COMMAND, batch.entries().stream()
                        .map(entry -> CommandNames.of(entry.command().getClass()))
                        .distinct().collect(Collectors.joining(",")));
                String requestIds = batch.entries().stream()
                        .map(entry -> entry.provenance().get(Provenance.REQUEST_ID))
                        .filter(id -> id != null)
                        .collect(Collectors.joining(","));
                if (!requestIds.isEmpty()) {
                    fields.put(LogFields.REQUEST_ID, requestIds);
                }
            }
            default -> {
            }
        }
        return fields;
    }
}
