# The course's two commands: `make lab` (open the course) and `make test` (check everything).
# Both create .venv and install on first use; afterwards installation is a quick no-op.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
# JupyterHub's proxy, from npm into a local folder (no global install); see docs/hub.md
CHP_VERSION := 5.3.0
CHP    := $(VENV)/node/node_modules/.bin/configurable-http-proxy
# nbgrader shells out to alembic, jupyter and friends: the environment's bin comes first
export PATH := $(abspath $(BIN)):$(PATH)

.PHONY: install lab test lint typecheck pytest bench i18n notebooks solutions clean hub proxy

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev,hub]'
	touch $(STAMP)

proxy: $(CHP)

$(CHP):
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install nodejs npm" >&2; exit 1; }
	mkdir -p $(VENV)/node
	npm install --silent --no-audit --no-fund --prefix $(VENV)/node configurable-http-proxy@$(CHP_VERSION)

# root (e.g. in a container) must say so explicitly to Jupyter
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

# COURSE_LANG=zh make lab: the Chinese edition (notebooks/zh/), JupyterLab's menus in Chinese
# (deploy/jupyter-zh sets its locale), and the kernels inherit COURSE_LANG
ifeq ($(COURSE_LANG),zh)
export COURSE_LANG
LAB_START := notebooks/zh/00_welcome.ipynb
LAB_ENV   := JUPYTER_CONFIG_PATH=$(CURDIR)/deploy/jupyter-zh$(if $(JUPYTER_CONFIG_PATH),:$(JUPYTER_CONFIG_PATH))
else
LAB_START := notebooks/00_welcome.ipynb
LAB_ENV   :=
endif

lab: install
	$(LAB_ENV) $(BIN)/jupyter lab --LabApp.news_url= --ServerApp.root_dir=$(CURDIR) $(ALLOW_ROOT) \
		--LabApp.default_url=/lab/tree/$(LAB_START) $(LAB_ARGS)

test: install proxy lint typecheck pytest

lint: install
	$(BIN)/ruff check .

typecheck: install
	$(BIN)/mypy

pytest: install
	$(PY) -m pytest

bench: install proxy
	$(PY) -m benchmarks

# The course's JupyterHub on loopback (root; accounts via deploy/setup_hub.py add-user).
hub: install proxy
	$(PY) deploy/setup_hub.py env
	$(PY) deploy/setup_hub.py configure
	$(PY) deploy/setup_hub.py check
	cd $$($(PY) -c 'import sys; sys.path.insert(0, "deploy"); import settings; print(settings.load().hub_state)') && \
		$(abspath $(BIN))/jupyterhub -f $(CURDIR)/deploy/jupyterhub_config.py $(HUB_ARGS)

# Maintainers: refresh the message catalogs' templates after adding messages.
i18n: install
	$(BIN)/pybabel extract --no-location -k _ -k title -k Phrase -o course/locale/messages.pot course

# Maintainers: execute the lessons and keep only the outputs that CI compares.
notebooks: install
	$(PY) -m course.dev.notebooks notebooks/*.ipynb $(wildcard notebooks/zh/*.ipynb)

# Maintainers: regenerate solutions/ from exercises/ with nbgrader.
solutions: install
	$(PY) -m course.dev.solutions

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
