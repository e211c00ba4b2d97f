package dev.pacesetter.kernel.internal.launch;

import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Constants;

import dev.pacesetter.kernel.internal.config.KernelConfig;

/** The Felix launch properties: storage, shared host packages, and File Install on deploy/. */
final class FrameworkProperties {

    private FrameworkProperties() {
    }

    static Map<String, Object> of(KernelConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, config.dataDir().resolve("felix-cache").toAbsolutePath().toString());
        // every start installs bundles/ and deploy/ afresh, so the running set is exactly what the folders hold
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostExports.compute(FrameworkProperties.class.getClassLoader()));
        // URL handlers install JVM-wide factories: wrong for a host that may run more than one framework (tests)
        props.put("felix.service.urlhandlers", "false");
        props.put("felix.log.logger", new FelixLogBridge());

        props.put("felix.fileinstall.dir", config.deployDir().toAbsolutePath().toString());
        props.put("felix.fileinstall.poll", Long.toString(config.deployPoll().toMillis()));
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.bundles.new.start", "true");
        props.put("felix.fileinstall.tmpdir", config.dataDir().resolve("fileinstall-tmp").toAbsolutePath().toString());
        // only finished artifacts: a jar being copied under another name is not picked up half-written
        props.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        props.put("felix.fileinstall.enableConfigSave", "false");
        props.put("felix.fileinstall.log.level", "2");
        return props;
    }
}
