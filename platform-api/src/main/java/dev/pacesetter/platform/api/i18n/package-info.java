/**
 * Languages: texts for people live in message files a bundle ships, not in code.
 *
 * <p>A bundle puts {@code OSGI-INF/l10n/messages.properties} (Simplified Chinese, the default) and
 * {@code OSGI-INF/l10n/messages_en.properties} (English) in its jar: UTF-8,
 * {@link java.text.MessageFormat} patterns ({@code {0}}, {@code {1,number}}; write {@code ''} for an
 * apostrophe). Code refers to a text by a {@link dev.pacesetter.platform.api.i18n.Message} (key and
 * arguments), which can be stored and rendered later in the reader's
 * {@link dev.pacesetter.platform.api.i18n.Language}; the kernel gives every bundle a
 * {@link dev.pacesetter.platform.api.i18n.Messages} service that renders its own keys. Errors
 * ({@code ApiException}, {@code FieldError}) and notifications accept a {@code Message} and are rendered
 * in the caller's or recipient's language by the platform.
 */
@Export
@Version("1.0.0")
package dev.pacesetter.platform.api.i18n;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
