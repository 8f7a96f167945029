package cq.jianxi.common.tabular;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs blocking work (reading an upload, parsing a workbook, hashing) on a worker thread and hands the
 * result back to the caller's Vert.x context, where the reactive session that follows must run.
 */
public final class TabularWorker {

    private TabularWorker() {
    }

    public static <T> Uni<T> offload(Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> onWorker = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? onWorker : onWorker.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
