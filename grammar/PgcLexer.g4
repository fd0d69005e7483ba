// Tokens of the pgc language (docs/language.md, "Lexical structure").
// No actions: modes track strings and the braces of `${…}` interpolation; malformed input
// becomes tokens on the ERRORS channel, which the front end turns into diagnostics.
lexer grammar PgcLexer;

channels { ERRORS }

// Keywords. They are reserved only where the parser needs them: `ident` in PgcParser.g4
// accepts every one of them as a name.
IMPORT      : 'import';
AS          : 'as';
PROJECT     : 'project';
PARAM       : 'param';
LET         : 'let';
ENVIRONMENT : 'environment';
EXTENDS     : 'extends';
CLUSTER     : 'cluster';
SCHEMA      : 'schema';
ON          : 'on';
DISTRIBUTED : 'distributed';
BY          : 'by';
COLOCATE    : 'colocate';
WITH        : 'with';
SHARDS      : 'shards';
REFERENCE   : 'reference';
LOCAL       : 'local';
TABLE       : 'table';
TABLES      : 'tables';
ROLE        : 'role';
GRANT       : 'grant';
OUTPUT      : 'output';
WHEN        : 'when';
IN          : 'in';
NOT         : 'not';
NULL_KW     : 'null';
PRIMARY     : 'primary';
KEY         : 'key';
UNIQUE      : 'unique';
DEFAULT     : 'default';
CHECK       : 'check';
REFERENCES  : 'references';
FOREIGN     : 'foreign';
CONSTRAINT  : 'constraint';
DELETE      : 'delete';
UPDATE      : 'update';
CASCADE     : 'cascade';
RESTRICT    : 'restrict';
SET         : 'set';
NO          : 'no';
ACTION      : 'action';
GENERATED   : 'generated';
ALWAYS      : 'always';
IDENTITY    : 'identity';
STORED      : 'stored';
INDEX       : 'index';
USING       : 'using';
WHERE       : 'where';
ALL         : 'all';
TRUE        : 'true';
FALSE       : 'false';

// Punctuation and operators.
LBRACE   : '{' -> pushMode(DEFAULT_MODE);
RBRACE   : '}' -> popMode;
LPAREN   : '(';
RPAREN   : ')';
LBRACK   : '[';
RBRACK   : ']';
COMMA    : ',';
SEMI     : ';';
COLON    : ':';
DOT      : '.';
AT       : '@';
QUESTION : '?';
EQEQ     : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ANDAND   : '&&';
OROR     : '||';
BANG     : '!';
ASSIGN   : '=';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';

// Numbers. A number with letters after it is a size or a duration (`128GB`, `7d`); the AST
// builder checks the unit, so that `7days` gets a message about units, not about tokens.
// INT comes first: `1_000` matches both rules at the same length and is an integer.
INT         : DIGITS;
UNIT_NUMBER : DIGITS [A-Za-z_] [A-Za-z0-9_]*;

fragment DIGITS : [0-9] ('_'? [0-9])*;

IDENT : [A-Za-z_] [A-Za-z0-9_]*;

// Raw SQL fragments, copied verbatim into the SQL output.
RAW_SQL              : '`' ~[`]* '`';
UNTERMINATED_RAW_SQL : '`' ~[`]* -> channel(ERRORS);

STRING_OPEN : '"' -> pushMode(STRING_MODE);

LINE_COMMENT          : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT         : '/*' .*? '*/' -> channel(HIDDEN);
// Matches only when no `*/` follows: BLOCK_COMMENT is longer whenever the comment is closed.
UNTERMINATED_COMMENT  : '/*' (~'*' | '*'+ ~[*/])* '*'* -> channel(ERRORS);

WS : [ \t\r\n\f\u000B\u00A0\uFEFF]+ -> channel(HIDDEN);

// Anything else is one unexpected character.
ERROR_CHAR : . -> channel(ERRORS);

mode STRING_MODE;

STRING_CLOSE  : '"' -> popMode;
INTERP_OPEN   : '${' -> pushMode(DEFAULT_MODE);
STRING_ESCAPE : '\\' (["\\nt$] | 'u{' [0-9A-Fa-f]+ '}');
BAD_ESCAPE    : '\\' ~[\r\n]?;
STRING_TEXT   : ~["\\$\r\n]+ | '$';
// A line break ends an unterminated string: the string is closed here so that the rest of
// the file still parses, and the front end reports the missing quote.
STRING_BREAK  : '\r'? '\n' -> type(STRING_CLOSE), popMode;
