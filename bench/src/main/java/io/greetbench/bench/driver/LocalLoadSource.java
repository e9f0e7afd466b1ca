package io.greetbench.bench.driver;

import io.greetbench.bench.load.LoadDriver;
import io.greetbench.bench.load.LoadSpec;
import io.greetbench.bench.results.LoadFigures;
import java.io.IOException;
import java.util.List;

/** The load from this process: the in-process driver, on the CPUs this process is pinned to. */
public final class LocalLoadSource implements LoadSource {
    @Override
    public List<String> hosts() {
        return List.of("local");
    }

    @Override
    public LoadOutcome run(LoadSpec spec, LoadDriver.WindowObserver observer) throws IOException, InterruptedException {
        return new LoadOutcome(LoadFigures.of(LoadDriver.runObserved(spec, observer)), null);
    }

    @Override
    public void close() {
        // the driver stops by itself: every run is bounded
    }
}
