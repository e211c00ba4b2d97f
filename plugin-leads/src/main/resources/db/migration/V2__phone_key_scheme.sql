-- how the stored duplicate keys were made. Phone keys were digits only until V2; now they are E.164 where
-- libphonenumber recognises the number (default region configurable). The leads module re-keys every lead when
-- the scheme it runs with differs from the one stored here (at its start), then stores its own.
CREATE TABLE leads_key_scheme (
    name VARCHAR(20) PRIMARY KEY,
    scheme VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO leads_key_scheme (name, scheme, updated_at) VALUES ('phone', 'digits', CURRENT_TIMESTAMP);
