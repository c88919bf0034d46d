/* cli.h - the commands that live outside main.c, one file each. Each takes
 * argc/argv after the command name's position (argv[0] is the command) and
 * returns the exit status (SPEC.md: 0 ok, 1 some input rejected, 2 usage). */
#ifndef XC_CLI_H
#define XC_CLI_H

/* crosscheck entities --conll FILE (cmd_entities.c) */
int xc_cmd_entities(int argc, char **argv);
/* crosscheck times --dct YYYY-MM-DD FILE (cmd_times.c) */
int xc_cmd_times(int argc, char **argv);
/* crosscheck quotes FILE (cmd_quotes.c) */
int xc_cmd_quotes(int argc, char **argv);
/* crosscheck train-ner --train FILE --dev FILE [--epochs N] -o FILE */
int xc_cmd_train_ner(int argc, char **argv);

/* crosscheck ingest | stories | story | search (cmd_store.c) */
int xc_cmd_ingest(int argc, char **argv);
int xc_cmd_stories(int argc, char **argv);
int xc_cmd_story(int argc, char **argv);
int xc_cmd_search(int argc, char **argv);
/* crosscheck serve (cmd_store.c; the server is src/http) */
int xc_cmd_serve(int argc, char **argv);

#endif
