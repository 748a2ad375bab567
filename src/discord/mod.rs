//! The Discord bot (being written): a thin layer over the engine on serenity + poise.
