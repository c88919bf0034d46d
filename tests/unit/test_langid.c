/* test_langid.c - language identification on short invented news text. */
#include "extract/extract.h"
#include "test.h"

static const char *guess(const char *s) { return xc_language_guess(s, strlen(s)); }

TEST(langid_common_news_languages) {
  CHECK_STR(guess("The harbour authority said on Tuesday that the crane had collapsed "
                  "during a routine lift and that two workers were injured."), "en");
  CHECK_STR(guess("Die Hafenbehörde teilte am Dienstag mit, dass der Kran bei einer "
                  "Routinearbeit umgestürzt sei und zwei Arbeiter verletzt wurden."), "de");
  CHECK_STR(guess("L'autorité portuaire a indiqué mardi que la grue s'était effondrée "
                  "pendant une manœuvre de routine et que deux ouvriers ont été blessés."), "fr");
  CHECK_STR(guess("La autoridad portuaria dijo el martes que la grúa se había derrumbado "
                  "durante una maniobra rutinaria y que dos trabajadores resultaron heridos."), "es");
  CHECK_STR(guess("L'autorità portuale ha detto martedì che la gru è crollata durante "
                  "una manovra di routine e che due operai sono rimasti feriti."), "it");
  CHECK_STR(guess("De havenautoriteit zei dinsdag dat de kraan tijdens een routinematige "
                  "hijsklus was ingestort en dat twee arbeiders gewond raakten."), "nl");
  CHECK_STR(guess("A autoridade portuária disse na terça-feira que o guindaste desabou "
                  "durante uma operação de rotina e que dois trabalhadores ficaram feridos."), "pt");
  CHECK_STR(guess("Władze portu poinformowały we wtorek, że dźwig runął podczas "
                  "rutynowego podnoszenia, a dwóch pracowników zostało rannych."), "pl");
  CHECK_STR(guess("Администрация порта сообщила во вторник, что кран обрушился во "
                  "время обычного подъема груза и что двое рабочих получили ранения."), "ru");
}

TEST(langid_too_little_text) {
  CHECK(guess("") == NULL);
  CHECK(guess("12 34 -- !!") == NULL);
  CHECK(guess("Hi") == NULL);
}
