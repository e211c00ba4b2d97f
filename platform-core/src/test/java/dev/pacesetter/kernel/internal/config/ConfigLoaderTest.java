package dev.pacesetter.kernel.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path install;

    private KernelConfig load(Map<String, String> env, Properties sys, String... args) {
        Properties props = new Properties();
        props.putAll(sys);
        props.setProperty("pacesetter.install.dir", install.toString());
        return new ConfigLoader(env, props).load(args);
    }

    @Test
    void aFreshInstallationNeedsNoConfiguration() {
        KernelConfig config = load(Map.of(), new Properties());
        assertEquals(7070, config.port());
        assertEquals(Optional.empty(), config.database().jdbcUrl());
        assertEquals(install.resolve("data"), config.dataDir());
        assertEquals(install.resolve("deploy"), config.deployDir());
        assertEquals(install.resolve("bundles"), config.bundlesDir());
        assertEquals(1024 * 1024, config.bodyLimitBytes());
        assertEquals(100, config.deployPoll().toMillis());
        assertEquals(dev.pacesetter.platform.api.i18n.Language.ZH_CN, config.defaultLanguage());
    }

    @Test
    void theDefaultLanguageIsZhCnOrEn() {
        assertEquals(dev.pacesetter.platform.api.i18n.Language.EN,
                load(Map.of("PACESETTER_DEFAULT_LANGUAGE", "en"), new Properties()).defaultLanguage());
        org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> load(Map.of("PACESETTER_DEFAULT_LANGUAGE", "fr"), new Properties()));
    }

    @Test
    void webhookSettingsHaveSafeDefaultsAndABadAllowListStopsTheStart() {
        KernelConfig.WebhookConfig defaults = load(Map.of(), new Properties()).webhooks();
        assertEquals(java.util.List.of(), defaults.allow(), "no private target is allowed by default");
        assertEquals(1000, defaults.retryBase().toMillis());
        assertEquals(8, defaults.maxAttempts());
        KernelConfig.WebhookConfig set = load(Map.of("PACESETTER_WEBHOOKS_ALLOW", "hooks.internal, 10.1.0.0/16"), new Properties(),
                "--webhooks-retry-base-ms=50", "--webhooks-max-attempts=3").webhooks();
        assertEquals(java.util.List.of("hooks.internal", "10.1.0.0/16"), set.allow());
        assertEquals(3, set.maxAttempts());
        ConfigException bad = assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--webhooks-allow=10.0.0.0/40"));
        assertTrue(bad.getMessage().contains("pacesetter.webhooks.allow"), bad.getMessage());
    }

    @Test
    void laterLayersWin_fileThenEnvironmentThenSystemPropertyThenFlag() throws IOException {
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/pacesetter.properties"), "pacesetter.port=7001\npacesetter.body.limit=512KiB\n");
        assertEquals(7001, load(Map.of(), new Properties()).port());
        assertEquals(512 * 1024, load(Map.of(), new Properties()).bodyLimitBytes());
        assertEquals(7002, load(Map.of("PACESETTER_PORT", "7002"), new Properties()).port());
        Properties sys = new Properties();
        sys.setProperty("pacesetter.port", "7003");
        assertEquals(7003, load(Map.of("PACESETTER_PORT", "7002"), sys).port());
        assertEquals(7004, load(Map.of("PACESETTER_PORT", "7002"), sys, "--port", "7004").port());
        assertEquals(7005, load(Map.of(), sys, "--port=7005").port());
    }

    @Test
    void theHomeFolderMovesDataDeployAndItsOwnConfiguration(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/pacesetter.properties"), "pacesetter.jdbc.url=jdbc:postgresql://db/pacesetter\n");
        KernelConfig config = load(Map.of("PACESETTER_HOME", home.toString()), new Properties());
        assertEquals(home.resolve("data"), config.dataDir());
        assertEquals(home.resolve("deploy"), config.deployDir());
        assertEquals(install.resolve("bundles"), config.bundlesDir(), "bundles stay with the installation");
        assertEquals(Optional.of("jdbc:postgresql://db/pacesetter"), config.database().jdbcUrl());
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhereItCameFrom() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of("PACESETTER_PORT", "seventy"), new Properties()));
        assertTrue(e.getMessage().contains("pacesetter.port") && e.getMessage().contains("seventy")
                && e.getMessage().contains("PACESETTER_PORT"), e.getMessage());
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--port=70000"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--body-limit=lots"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--modules-enabled-by-default=some"));
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--deploy-dir=/srv/plugins, new"))
                .getMessage().contains("comma"), "File Install would split the folder at the comma");
    }

    @Test
    void unknownOptionsAndKeysAreRefusedNotIgnored() throws IOException {
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--prot=1"))
                .getMessage().contains("--help"));
        Files.createDirectories(install.resolve("conf"));
        Files.writeString(install.resolve("conf/pacesetter.properties"), "pacesetter.prot=7001\n");
        assertTrue(assertThrows(ConfigException.class, () -> load(Map.of(), new Properties()))
                .getMessage().contains("pacesetter.prot"));
    }

    @Test
    void thePasswordNeverShowsInTheConfigurationsText() {
        KernelConfig config = load(Map.of("PACESETTER_JDBC_PASSWORD", "s3cret"), new Properties());
        assertEquals("s3cret", config.database().password());
        assertTrue(!config.toString().contains("s3cret"), config.toString());
    }

    @Test
    void emailIsOffUntilAHostIsSetAndThenNeedsASender() {
        MailConfig off = load(Map.of(), new Properties()).mail();
        assertEquals(false, off.configured());
        assertEquals(587, off.smtpPort());
        assertEquals(MailConfig.StartTls.REQUIRED, off.startTls(), "credentials never travel in clear unless asked to");
        assertEquals("INBOX", off.defaultChannel());
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--mail-smtp-host=smtp.example.com"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--mail-smtp-host=smtp.example.com", "--mail-from=not an address"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--mail-smtp-starttls=maybe"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--notifications-default-channel=sms"));
        assertThrows(ConfigException.class, () -> load(Map.of(), new Properties(), "--public-url=pacesetter.example.com"));

        MailConfig on = load(Map.of("PACESETTER_MAIL_SMTP_PASSWORD", "s3cret"), new Properties(), "--mail-smtp-host=smtp.example.com",
                "--mail-from=Pacesetter <pacesetter@example.com>", "--mail-smtp-starttls=false", "--public-url=https://ps.example.com/",
                "--notifications-default-channel=Both").mail();
        assertTrue(on.configured());
        assertEquals(MailConfig.StartTls.OFF, on.startTls());
        assertEquals(Optional.of("https://ps.example.com"), on.publicUrl());
        assertEquals("BOTH", on.defaultChannel());
        assertEquals(Optional.of("s3cret"), on.smtpPassword().value());
        assertTrue(!on.toString().contains("s3cret"), "the password never shows in a printed configuration: " + on);
    }
}
